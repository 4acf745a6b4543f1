//! Writing output files whole or not at all: write to a temporary file beside the target,
//! flush, then rename over it. A crash or an error leaves the old file (or none), never a
//! half-written one.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `path` through `fill`; on any error the target is untouched and the temporary
/// file removed.
pub fn write_atomic<T>(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> io::Result<T> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut w = BufWriter::new(File::create(&tmp)?);
        let value = fill(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()?;
        Ok(value)
    })();
    match result {
        Ok(v) => {
            fs::rename(&tmp, path)?;
            Ok(v)
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_replaces_and_failure_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, |w| w.write_all(b"first")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "first");
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
}
