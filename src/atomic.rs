//! Writing output files whole or not at all: write to a temporary file beside the target,
//! flush and sync, then rename over it. A crash or an error leaves the old file (or none),
//! never a half-written one.
//!
//! The temporary file is created by `tempfile` with `O_EXCL` under a random name, so a
//! symlink planted where a predictable name would be is never followed. A target that is
//! not a regular file (`-o /dev/stdout`, a FIFO, a device) is written in place, never
//! replaced. Every file's SHA-256 is computed as it is written, for the manifest.

use sha2::{Digest, Sha256};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// An output file being written. [`AtomicFile::commit`] puts it in place; dropping it
/// uncommitted removes the temporary file and leaves the target untouched.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    sink: Option<Sink>,
    /// The SHA-256 of what is written, when asked for (the manifest's checksums).
    hash: Option<Sha256>,
}

#[derive(Debug)]
enum Sink {
    /// A temporary file beside a regular (or absent) target.
    Temp(BufWriter<NamedTempFile>),
    /// A device, FIFO or other special file, written as it is.
    Special(BufWriter<File>),
}

/// Is `target` an existing file that is neither regular nor a symlink (a device, a FIFO)?
fn is_special(target: &Path) -> bool {
    std::fs::symlink_metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir() && !m.is_symlink())
}

impl AtomicFile {
    /// Starts writing `target` (through a hidden temporary file in the same folder),
    /// hashing what is written for [`AtomicFile::commit`] to give.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let mut f = AtomicFile::create_unhashed(target)?;
        f.hash = Some(Sha256::new());
        Ok(f)
    }

    /// [`AtomicFile::create`] without the hash: for output nobody checksums (`extract
    /// -o`), where hashing every byte costs a tenth of the run.
    pub fn create_unhashed(target: &Path) -> io::Result<AtomicFile> {
        let sink = if is_special(target) {
            Sink::Special(BufWriter::new(OpenOptions::new().write(true).open(target)?))
        } else {
            let dir = match target.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temp = tempfile::Builder::new()
                .prefix(&format!(".{name}."))
                .suffix(".tmp")
                .tempfile_in(dir)?;
            Sink::Temp(BufWriter::new(temp))
        };
        Ok(AtomicFile {
            target: target.to_path_buf(),
            sink: Some(sink),
            hash: None,
        })
    }

    /// Flushes, syncs and renames the file into place; gives its SHA-256 (hex) when it
    /// was created hashed.
    pub fn commit(mut self) -> io::Result<Option<String>> {
        let sink = self.sink.take().expect("sink is present until commit");
        match sink {
            Sink::Temp(w) => {
                let temp = w.into_inner().map_err(|e| e.into_error())?;
                temp.as_file().sync_all()?;
                temp.persist(&self.target).map_err(|e| e.error)?;
            }
            Sink::Special(mut w) => w.flush()?,
        }
        Ok(self
            .hash
            .take()
            .map(|h| h.finalize().iter().map(|b| format!("{b:02x}")).collect()))
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self.sink.as_mut().expect("sink is present until commit") {
            Sink::Temp(w) => w,
            Sink::Special(w) => w,
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.writer().write(buf)?;
        if let Some(h) = self.hash.as_mut() {
            h.update(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

/// Writes `path` through `fill` atomically; on any error the target is untouched. Gives
/// `fill`'s value and the file's SHA-256.
pub fn write_atomic<T>(
    path: &Path,
    fill: impl FnOnce(&mut AtomicFile) -> io::Result<T>,
) -> io::Result<(T, String)> {
    let mut f = AtomicFile::create(path)?;
    let value = fill(&mut f)?;
    // Created hashed, so the commit gives the hash.
    let sha = f.commit()?.unwrap_or_default();
    Ok((value, sha))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn an_unhashed_file_is_written_and_gives_no_hash() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("events.jsonl");
        let mut f = AtomicFile::create_unhashed(&p).unwrap();
        f.write_all(b"{}\n").unwrap();
        assert_eq!(f.commit().unwrap(), None);
        assert_eq!(fs::read_to_string(&p).unwrap(), "{}\n");
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"first").unwrap();
        assert_eq!(f.commit().unwrap().map(|h| h.len()), Some(64));
    }

    #[test]
    fn success_replaces_and_failure_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        let ((), sha) = write_atomic(&p, |w| w.write_all(b"first")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "first");
        // sha256("first"), from `printf first | sha256sum`.
        assert_eq!(
            sha,
            "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e"
        );
        let err = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err::<(), _>(io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "first");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn uncommitted_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("never.txt");
        {
            let mut f = AtomicFile::create(&p).unwrap();
            f.write_all(b"data").unwrap();
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn planted_symlinks_at_the_old_temporary_names_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "keep").unwrap();
        let p = dir.path().join("out.txt");
        // The names an earlier version used, for this and nearby process ids.
        let me = std::process::id();
        for pid in me.saturating_sub(2)..me + 3 {
            let link = dir.path().join(format!(".out.txt.{pid}.tmp"));
            std::os::unix::fs::symlink(&victim, link).unwrap();
        }
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_target_is_written_not_replaced() {
        let p = Path::new("/dev/null");
        write_atomic(p, |w| w.write_all(b"gone")).unwrap();
        let m = fs::symlink_metadata(p).unwrap();
        assert!(!m.is_file(), "/dev/null is still a device");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_target_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "keep").unwrap();
        let p = dir.path().join("out.txt");
        std::os::unix::fs::symlink(&victim, &p).unwrap();
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert!(!fs::symlink_metadata(&p).unwrap().is_symlink());
    }
}
