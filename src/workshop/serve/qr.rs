//! The participants' address as a QR code, drawn on this machine (the
//! `qrcode` crate gives the modules; no service is asked), as one SVG path
//! the coach's page puts in an inline `<svg data-qr>`.

use serde_json::{Value, json};

/// The quiet zone around the code, in modules (the standard's minimum).
const QUIET: usize = 4;

/// `{ "size": N, "path": "M4 4h1v1h-1z…" }` for `text`, in modules with the
/// quiet zone included; `null` when the text is too long for a QR code.
pub(crate) fn svg_path(text: &str) -> Value {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        return Value::Null;
    };
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    json!({ "size": width + 2 * QUIET, "path": path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_becomes_modules_with_finder_patterns() {
        let v = svg_path("http://192.168.1.20:8080/");
        let size = v["size"].as_u64().unwrap();
        // Version 2 (25 modules) holds this address at level M.
        assert_eq!(size, 25 + 8);
        let path = v["path"].as_str().unwrap();
        // The three finder patterns' corners are dark; the quiet zone is not.
        for corner in ["M4 4h", "M28 4h", "M4 28h"] {
            assert!(path.contains(corner), "{corner}");
        }
        assert!(!path.contains("M3 "));
        assert!(svg_path(&"x".repeat(5000)).is_null());
    }
}
