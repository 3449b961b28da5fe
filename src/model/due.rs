//! Due dates as people say them: "2019-06-30", "today", "tomorrow",
//! "fri" or "friday" (the next one), "+3d", "+2w", "+1m".

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The date a word means, counted from `today`; None when it means none.
pub fn parse_due(word: &str, today: Date) -> Option<Date> {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return None;
    }
    if let Ok(date) = word.parse::<Date>() {
        return Some(date);
    }
    match word.as_str() {
        "today" => return Some(today),
        "tomorrow" | "tmr" => return today.checked_add(1.day()).ok(),
        _ => {}
    }
    // a weekday, in full or from three letters on: the next one after today
    if word.len() >= 3
        && let Some((_, day)) = WEEKDAYS.iter().find(|(name, _)| name.starts_with(&word))
    {
        return today.nth_weekday(1, *day).ok();
    }
    let rest = word.strip_prefix('+')?;
    let (number, unit) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = number.parse().ok().filter(|n| *n <= 3650)?;
    let span: Span = match unit {
        "d" | "day" | "days" => n.days(),
        "w" | "wk" | "week" | "weeks" => n.weeks(),
        "m" | "mo" | "month" | "months" => n.months(),
        _ => return None,
    };
    today.checked_add(span).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    // 2019-05-15 was a Wednesday
    const TODAY: Date = date(2019, 5, 15);

    #[test]
    fn dates_words_and_spans() {
        assert_eq!(parse_due("2019-06-30", TODAY), Some(date(2019, 6, 30)));
        assert_eq!(parse_due("today", TODAY), Some(TODAY));
        assert_eq!(parse_due("Tomorrow", TODAY), Some(date(2019, 5, 16)));
        assert_eq!(parse_due("fri", TODAY), Some(date(2019, 5, 17)));
        assert_eq!(parse_due("friday", TODAY), Some(date(2019, 5, 17)));
        assert_eq!(
            parse_due("wed", TODAY),
            Some(date(2019, 5, 22)),
            "the next one, not today"
        );
        assert_eq!(parse_due("+2w", TODAY), Some(date(2019, 5, 29)));
        assert_eq!(parse_due("+3d", TODAY), Some(date(2019, 5, 18)));
        assert_eq!(parse_due("+1m", TODAY), Some(date(2019, 6, 15)));
    }

    #[test]
    fn words_that_mean_no_date() {
        for word in [
            "",
            "soon",
            "fr",
            "+2x",
            "+",
            "2019-02-30",
            "+99999999w",
            "asap",
        ] {
            assert_eq!(parse_due(word, TODAY), None, "{word:?}");
        }
    }
}
