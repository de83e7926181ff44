//! When a promise is due: a month, a half-year, a season or a year.

use std::fmt;
use std::str::FromStr;

use super::NotA;

/// A year and a month, `(2024, 2)` for February 2024; ordered in time.
pub type YearMonth = (u16, u8);

/// The year and month of an ISO date (`2023-12-31` → `(2023, 12)`).
pub fn year_month(iso: &str) -> Option<YearMonth> {
    let year = iso.get(..4)?.parse().ok()?;
    let month = iso.get(5..7)?.parse().ok()?;
    Some((year, month))
}

/// A season of the year, as a due date names it ("våren 2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// Spring: in the first half, by June.
    Spring,
    /// Summer: in the second half, by August.
    Summer,
    /// Autumn: in the second half, by December.
    Autumn,
    /// Winter: in the first half, by February.
    Winter,
}

impl Season {
    /// The half-year the season falls in (`true` for the first).
    pub fn first_half(self) -> bool {
        matches!(self, Season::Spring | Season::Winter)
    }

    /// The last month the season covers.
    pub fn last_month(self) -> u8 {
        match self {
            Season::Spring => 6,
            Season::Summer => 8,
            Season::Autumn => 12,
            Season::Winter => 2,
        }
    }
}

/// When a dated commitment falls due.
///
/// Written `YYYY-MM`, `YYYY-H1`/`YYYY-H2` (a half-year, or a season, which
/// the contract gives as its half-year) or `YYYY`.
///
/// ```
/// use tiltak::model::{Due, Season};
/// let due = Due::Season { year: 2024, season: Season::Summer };
/// assert_eq!(due.to_string(), "2024-H2");
/// assert_eq!(due.last_month(), (2024, 8));
/// assert_eq!("2024-02".parse::<Due>().unwrap(), Due::Month { year: 2024, month: 2 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Due {
    /// A month: "i februar 2024", "utgangen av 2024".
    Month {
        /// The year.
        year: u16,
        /// 1 to 12.
        month: u8,
    },
    /// A half-year: "andre halvdel av 2024".
    Half {
        /// The year.
        year: u16,
        /// `true` for the first half.
        first: bool,
    },
    /// A season: "våren 2024".
    Season {
        /// The year.
        year: u16,
        /// The season.
        season: Season,
    },
    /// A whole year: "i løpet av 2024".
    Year(u16),
}

impl Due {
    /// The year the promise is due in.
    pub fn year(self) -> u16 {
        match self {
            Due::Month { year, .. } | Due::Half { year, .. } | Due::Season { year, .. } => year,
            Due::Year(year) => year,
        }
    }

    /// The last month the due date covers: `2024-H1` → June 2024.
    pub fn last_month(self) -> YearMonth {
        match self {
            Due::Month { year, month } => (year, month),
            Due::Half { year, first } => (year, if first { 6 } else { 12 }),
            Due::Season { year, season } => (year, season.last_month()),
            Due::Year(year) => (year, 12),
        }
    }

    /// The half-year of a half-year or season (`true` for the first).
    pub fn first_half(self) -> Option<bool> {
        match self {
            Due::Half { first, .. } => Some(first),
            Due::Season { season, .. } => Some(season.first_half()),
            Due::Month { .. } | Due::Year(_) => None,
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Due::Month { year, month } => write!(f, "{year}-{month:02}"),
            Due::Year(year) => write!(f, "{year}"),
            due => {
                let half = if due.first_half() == Some(true) { 1 } else { 2 };
                write!(f, "{}-H{half}", due.year())
            }
        }
    }
}

impl FromStr for Due {
    type Err = NotA;

    fn from_str(s: &str) -> Result<Due, NotA> {
        let bad = || NotA::new(s, "a due date (YYYY-MM, YYYY-H1, YYYY-H2 or YYYY)");
        let year: u16 = s.get(..4).and_then(|y| y.parse().ok()).ok_or_else(bad)?;
        match s.get(4..) {
            Some("") => Ok(Due::Year(year)),
            Some("-H1") => Ok(Due::Half { year, first: true }),
            Some("-H2") => Ok(Due::Half { year, first: false }),
            Some(rest) => {
                let month: u8 = rest
                    .strip_prefix('-')
                    .filter(|m| m.len() == 2)
                    .and_then(|m| m.parse().ok())
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?;
                Ok(Due::Month { year, month })
            }
            None => Err(bad()),
        }
    }
}

super::string_serde!(Due);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_last_months() {
        for (text, last) in [
            ("2024-02", (2024, 2)),
            ("2024-H1", (2024, 6)),
            ("2024-H2", (2024, 12)),
            ("2024", (2024, 12)),
        ] {
            let due: Due = text.parse().unwrap();
            assert_eq!(due.to_string(), text);
            assert_eq!(due.last_month(), last, "{text}");
        }
        for bad in ["", "24", "2024-13", "2024-H3", "2024-2", "x024"] {
            assert!(bad.parse::<Due>().is_err(), "{bad}");
        }
        assert_eq!(year_month("2023-12-31"), Some((2023, 12)));
    }
}
