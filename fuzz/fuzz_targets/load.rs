//! The loader on any bytes: it never panics, and a file that loads is a
//! valid edition that writes back to the same edition.
//!
//! cargo fuzz run load -- -max_total_time=600

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(edition) = openspace::storage::from_ron(text) {
        assert!(edition.validate().is_empty(), "a loaded edition is valid");
        let again = openspace::storage::to_ron(&edition).expect("a valid edition writes");
        let back = openspace::storage::from_ron(&again).expect("what was written loads");
        assert_eq!(back, edition, "and is the same edition");
    }
});
