//! Loads edition files and prints what is wrong with them (until `openspace check` exists).
fn main() {
    let mut bad = false;
    for arg in std::env::args().skip(1) {
        match openspace::storage::load(std::path::Path::new(&arg)) {
            Ok(e) => {
                let c = e.counts();
                println!(
                    "{arg}: ok — {} spaces, {} slots, {} placed, {} parked, {} open / {} done actions",
                    c.spaces, c.slots, c.placed, c.parked, c.open, c.done
                );
                let again = openspace::storage::to_ron(&e).unwrap();
                if again != std::fs::read_to_string(&arg).unwrap() {
                    println!("{arg}: note: not in canonical form (saving would rewrite it)");
                }
            }
            Err(e) => {
                bad = true;
                println!("{e}");
            }
        }
    }
    std::process::exit(i32::from(bad));
}
