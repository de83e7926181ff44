//! Measure numbers: "9", "9a" (printed "Tiltak 9 a)") and "4.1".

use std::fmt;
use std::str::FromStr;

use super::NotA;

/// A measure's number with its optional sub-part.
///
/// Ordered as a reader counts: 1 < 2 < … < 9 < 9a < 9b < 10, and
/// 4 < 4.1 < 4.2 < 5. Written `9`, `9a` or `4.1` in every output.
///
/// ```
/// use tiltak::model::MeasureId;
/// let id: MeasureId = "9 a)".parse().unwrap();
/// assert_eq!(id.to_string(), "9a");
/// assert_eq!(id.parent(), Some(MeasureId::new(9)));
/// assert!(MeasureId::new(9) < id && id < MeasureId::new(10));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeasureId {
    /// The top-level number.
    pub number: u32,
    /// The sub-measure part, if this is a sub-measure.
    pub sub: Option<SubId>,
}

/// The part of a sub-measure's number after the parent's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubId {
    /// "9a", printed "Tiltak 9 a)".
    Letter(char),
    /// "4.1".
    Number(u32),
}

impl SubId {
    /// The first sub-part of the same style: `a` or `1`.
    pub fn first(self) -> SubId {
        match self {
            SubId::Letter(_) => SubId::Letter('a'),
            SubId::Number(_) => SubId::Number(1),
        }
    }

    /// The sub-part that follows this one: `b` after `a`, `2` after `1`.
    pub fn next(self) -> SubId {
        match self {
            SubId::Letter(c) => SubId::Letter(char::from_u32(c as u32 + 1).unwrap_or(c)),
            SubId::Number(n) => SubId::Number(n.saturating_add(1)),
        }
    }
}

impl MeasureId {
    /// A top-level measure number.
    pub fn new(number: u32) -> MeasureId {
        MeasureId { number, sub: None }
    }

    /// The parent of a sub-measure ("9" for "9a"); `None` for a top-level
    /// measure.
    pub fn parent(&self) -> Option<MeasureId> {
        self.sub.map(|_| MeasureId::new(self.number))
    }

    /// Whether this is a sub-measure's number.
    pub fn is_sub(&self) -> bool {
        self.sub.is_some()
    }

    /// The sub-measure letter of "9a".
    pub fn letter(&self) -> Option<char> {
        match self.sub {
            Some(SubId::Letter(c)) => Some(c),
            _ => None,
        }
    }

    /// Reads "9", "9a", "9 a)", "9 A" or "4.1"; anything else is `None`.
    pub fn parse(text: &str) -> Option<MeasureId> {
        let text = text.trim();
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 6 {
            return None;
        }
        let number = text[..digits].parse().ok()?;
        let rest = text[digits..].trim_start();
        if rest.is_empty() {
            return Some(MeasureId::new(number));
        }
        if let Some(sub) = rest.strip_prefix('.') {
            let n = (!sub.is_empty() && sub.len() <= 3 && sub.bytes().all(|b| b.is_ascii_digit()))
                .then(|| sub.parse().ok())??;
            return Some(MeasureId {
                number,
                sub: Some(SubId::Number(n)),
            });
        }
        let mut chars = rest.chars();
        let letter = chars.next().filter(|c| c.is_alphabetic())?;
        matches!(chars.as_str(), "" | ")").then(|| MeasureId {
            number,
            sub: Some(SubId::Letter(
                letter.to_lowercase().next().unwrap_or(letter),
            )),
        })
    }
}

impl fmt::Display for MeasureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            None => write!(f, "{}", self.number),
            Some(SubId::Letter(c)) => write!(f, "{}{c}", self.number),
            Some(SubId::Number(n)) => write!(f, "{}.{n}", self.number),
        }
    }
}

impl FromStr for MeasureId {
    type Err = NotA;

    fn from_str(s: &str) -> Result<MeasureId, NotA> {
        MeasureId::parse(s).ok_or_else(|| NotA::new(s, "a measure number"))
    }
}

super::string_serde!(MeasureId);

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> MeasureId {
        s.parse().unwrap()
    }

    #[test]
    fn parse_and_display() {
        for (text, shown) in [
            ("12", "12"),
            ("9a", "9a"),
            ("9 a)", "9a"),
            ("9 B", "9b"),
            ("4.1", "4.1"),
        ] {
            assert_eq!(id(text).to_string(), shown, "{text}");
        }
        for bad in ["", "a", "9ab", "4.", "4.x", "Tiltak 3", "1234567"] {
            assert_eq!(MeasureId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn order_is_a_readers() {
        let mut ids: Vec<MeasureId> = ["10", "9b", "2", "9", "9a", "4.2", "4.1", "4"]
            .iter()
            .map(|s| id(s))
            .collect();
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2", "4", "4.1", "4.2", "9", "9a", "9b", "10"]);
    }

    #[test]
    fn parents_and_sub_parts() {
        assert_eq!(id("4.1").parent(), Some(id("4")));
        assert_eq!(id("4").parent(), None);
        assert_eq!(SubId::Letter('a').next(), SubId::Letter('b'));
        assert_eq!(SubId::Number(3).first(), SubId::Number(1));
    }
}
