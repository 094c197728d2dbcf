//! The one fingerprint of file content, SHA-256: the ticket document and the export record print it,
//! and the wizard compares it to notice that a file changed on disk under it.

use sha2::{Digest, Sha256};
use std::io::{self, BufReader, Read};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};

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

/// How much of a file is read at a time while it is hashed.
const CHUNK: usize = 1 << 16;

/// How many chunks the hashing thread may read ahead of the one who reads them.
const AHEAD: usize = 16;

/// Reads `source` to its end on a thread of its own, hashing it there, while `read` is given the
/// same bytes as they come: a file parsed as it is read gets its fingerprint without its text ever
/// being held whole, and without the hashing slowing the parser down. Returns what `read`
/// returned and the SHA-256 of all of `source` in hex (as [`hex`] gives it of the same bytes),
/// however much of it `read` took; or the error met reading `source` (`read` then found the
/// bytes ending there).
pub fn read_hashed<T>(source: impl Read + Send, read: impl FnOnce(BufReader<Chunks>) -> T) -> io::Result<(T, String)> {
    let (sender, chunks) = mpsc::sync_channel(AHEAD);
    let (give_back, given_back) = mpsc::channel();
    std::thread::scope(|scope| {
        let hashing = scope.spawn(move || hash_and_send(source, &sender, &given_back));
        // The parser reads a `BufReader` byte by byte from its buffer, far quicker than a call each.
        let chunks = Chunks { chunks, give_back, chunk: Vec::new(), at: 0 };
        let read = read(BufReader::with_capacity(CHUNK, chunks));
        let sha256 = hashing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok((read, sha256))
    })
}

/// Reads `source` to its end, hashing every chunk and sending it on while anyone takes them; the
/// chunks given back are filled again, so only a few are ever made, all on this thread.
fn hash_and_send(
    mut source: impl Read,
    sender: &SyncSender<Vec<u8>>,
    given_back: &Receiver<Vec<u8>>,
) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut taken = true;
    loop {
        let mut chunk = given_back.try_recv().unwrap_or_default();
        chunk.resize(CHUNK, 0);
        let read = match source.read(&mut chunk) {
            Ok(0) => return Ok(format!("{:x}", hasher.finalize())),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        chunk.truncate(read);
        hasher.update(&chunk);
        // Once the reader has stopped, the rest is only hashed.
        taken = taken && sender.send(chunk).is_ok();
    }
}

/// The bytes [`read_hashed`] hands over, chunk by chunk, as they are read and hashed.
pub struct Chunks {
    chunks: Receiver<Vec<u8>>,
    /// Where a chunk read to its end goes back, to be filled again.
    give_back: Sender<Vec<u8>>,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for Chunks {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if self.at == self.chunk.len() {
            // No more chunks: the source has ended (or failed, which `read_hashed` reports).
            let Ok(chunk) = self.chunks.recv() else { return Ok(0) };
            // Once the source is read, nobody takes it back: it is let go here.
            let _ = self.give_back.send(std::mem::replace(&mut self.chunk, chunk));
            self.at = 0;
        }
        let rest = &self.chunk[self.at..];
        let count = rest.len().min(buffer.len());
        buffer[..count].copy_from_slice(&rest[..count]);
        self.at += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_hashed_as_they_are_read_give_the_fingerprint_of_the_whole_text() {
        let text: Vec<u8> = (0..100_000u32).flat_map(|n| n.to_le_bytes()).collect();
        let (read, sha256) = read_hashed(text.as_slice(), |mut reader| {
            let mut read = Vec::new();
            reader.read_to_end(&mut read).expect("chunks read");
            read
        })
        .expect("a slice reads");
        assert_eq!(read, text, "the reader is given every byte, in order");
        assert_eq!(sha256, hex(&text));
        // A reader that stops early still gets the fingerprint of the whole text.
        let (_, sha256) = read_hashed(text.as_slice(), |mut reader| reader.read(&mut [0; 10]).ok()).expect("read");
        assert_eq!(sha256, hex(&text));
        assert_eq!(read_hashed(&b""[..], |_| ()).expect("read").1, hex(b""), "nothing read is the empty text's");
    }

    #[test]
    fn a_source_that_fails_is_reported_after_what_it_gave() {
        struct Failing(bool);
        impl Read for Failing {
            fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    return Err(io::Error::other("the disk failed"));
                }
                buffer[..3].copy_from_slice(b"abc");
                Ok(3)
            }
        }
        let mut given = Vec::new();
        let failed = read_hashed(Failing(false), |mut reader| reader.read_to_end(&mut given).map(|_| ()));
        assert_eq!(given, b"abc", "the bytes before the failure, then an end");
        assert_eq!(failed.expect_err("the failure is reported").to_string(), "the disk failed");
    }

    #[test]
    fn both_forms_are_the_same_sha256() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(hex(b""), empty);
        assert_eq!(format!("{:016x}", short(b"")), empty[..16]);
        assert_ne!(short(b"a"), short(b"b"));
    }
}
