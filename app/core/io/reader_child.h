// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace chronomap {

/// The reading side of a load, run in a child process (`chronomap --read-child FILE …`, started
/// by ReaderProcess): limits itself (address space, CPU time, open files), opens FILE with the
/// allowed GDAL drivers, copies its features into FeatureBatches and writes them, with progress
/// and issues, as ipc frames on its stdout. A crash here ends this process only.
class ReaderChild {
public:
    /// The option that makes `chronomap` a reader child; never shown in --help.
    static constexpr const char *kOption = "--read-child";
    /// With this option and a row count, the child writes the file's TablePreview as JSON instead
    /// of reading the whole file.
    static constexpr const char *kPreviewOption = "--preview-rows";
    /// Test-only fault, honoured by the child alone: `abort`, `loop` or `garbage`, optionally
    /// `@N` to act on record N (the records before it are handed over first).
    static constexpr const char *kFaultVariable = "CHRONOMAP_READER_FAULT";

    /// Runs the child with the whole argument list (program name first). Ends the process with
    /// _exit once the stream is complete (an ordinary return under the sanitizers, for their leak
    /// check); otherwise returns an exit code only when it cannot start.
    static int run(const QStringList &arguments);
};

} // namespace chronomap
