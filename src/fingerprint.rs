//! The one fingerprint of file content, SHA-256: the ticket document and the export record print it,
//! and the wizard compares it to notice that a file changed on disk under it.

use sha2::{Digest, Sha256};
use std::io::Read;

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

/// A reader that hashes every byte read through it: a file parsed as it is read gets its
/// fingerprint without its text ever being held whole.
pub struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Hashing<R> {
    /// Hashes what is read from `inner`.
    pub fn new(inner: R) -> Self {
        Hashing { inner, hasher: Sha256::new() }
    }

    /// The SHA-256 of the bytes read so far, as [`hex`] gives it of the same bytes.
    pub fn hex(self) -> String {
        format!("{:x}", self.hasher.finalize())
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.hasher.update(&buffer[..read]);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_hashed_as_they_are_read_give_the_fingerprint_of_the_whole_text() {
        let text: Vec<u8> = (0..100_000u32).flat_map(|n| n.to_le_bytes()).collect();
        // Read in uneven pieces, as a parser pulls them.
        let mut hashing = Hashing::new(text.as_slice());
        let mut buffer = [0; 997];
        while hashing.read(&mut buffer).expect("a slice reads") > 0 {}
        assert_eq!(hashing.hex(), hex(&text));
        assert_eq!(Hashing::new(&b""[..]).hex(), hex(b""), "nothing read is the empty text's");
    }

    #[test]
    fn both_forms_are_the_same_sha256() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(hex(b""), empty);
        assert_eq!(format!("{:016x}", short(b"")), empty[..16]);
        assert_ne!(short(b"a"), short(b"b"));
    }
}
