//! TEMPORARY stub.
pub fn write_html(
    out_dir: &std::path::Path,
    _input: &crate::report::ReportInput,
) -> std::io::Result<()> {
    crate::report::files::write_private(
        &out_dir.join("index.html"),
        b"<!doctype html><title>jejak</title>",
    )
}
