//! The README's key tables are generated from the keymap; this keeps them true.
//! After changing keys, run `UPDATE_README=1 cargo test --test readme` and commit.

use openspace::app::keymap::Keymap;

const START: &str = "<!-- keys:start -->";
const END: &str = "<!-- keys:end -->";

#[test]
fn the_readme_key_tables_match_the_keymap() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md is readable");
    let (before, rest) = readme
        .split_once(START)
        .expect("README has the keys start marker");
    let (current, after) = rest
        .split_once(END)
        .expect("README has the keys end marker");
    let expected = Keymap::default().markdown();
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, format!("{before}{START}\n{expected}\n{END}{after}"))
            .expect("README.md is writable");
        return;
    }
    assert_eq!(
        current.trim(),
        expected.trim(),
        "README key tables differ from the keymap: run UPDATE_README=1 cargo test --test readme"
    );
}
