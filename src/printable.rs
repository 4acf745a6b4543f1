//! Names from outside (file names, article ids) made safe to print on a terminal:
//! control characters are shown escaped, so a file called `a\x1b[2Jb.txt` cannot clear
//! the user's screen or forge a line of output.

use std::borrow::Cow;

/// `s` with every control character (newline, escape, NUL, …) written as `\u{…}`.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        let cases = [
            ("plain", "seeds/a.txt", "seeds/a.txt"),
            ("accents stay", "Ḥamā/ملف.txt", "Ḥamā/ملف.txt"),
            ("escape", "a\u{1b}[2Jb.txt", "a\\u{1b}[2Jb.txt"),
            ("newline", "x\ny", "x\\u{a}y"),
            ("tab and bell", "\t\u{7}", "\\u{9}\\u{7}"),
        ];
        for (name, input, want) in cases {
            assert_eq!(printable(input), want, "{name}");
        }
    }
}
