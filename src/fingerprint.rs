//! The one fingerprint of file content, SHA-256: the ticket document and the export record print it,
//! and the wizard compares it to notice that a file changed on disk under it.

use sha2::{Digest, Sha256};

/// The SHA-256 of `content` in lowercase hex (64 digits).
pub fn hex(content: &[u8]) -> String {
    format!("{:x}", Sha256::digest(content))
}

/// The first 64 bits of the SHA-256 of `content`: what the wizard keeps to compare a file with.
pub fn short(content: &[u8]) -> u64 {
    let digest = Sha256::digest(content);
    let mut first = [0; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_are_the_same_sha256() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(hex(b""), empty);
        assert_eq!(format!("{:016x}", short(b"")), empty[..16]);
        assert_ne!(short(b"a"), short(b"b"));
    }
}
