// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/animation/video_encoder_module.h"

#include "core/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>
#include <QMutexLocker>

namespace chronomap {

namespace {

using CreateFn = VideoEncoder *(*)(int);
using HasEncoderFn = bool (*)(int, int);

struct Module {
    QMutex mutex;
    QString overridePath;
    bool tried = false;
    QString error;
    CreateFn create = nullptr;
    HasEncoderFn hasEncoder = nullptr;
    /// Held to the end of the process and never unloaded (QLibrary's destructor leaves the
    /// library mapped): FFmpeg's static state wants it mapped to the end.
    QLibrary library;
};

Module &module()
{
    static Module m;
    return m;
}

/// Loads the module once; false with `m.error` set when it cannot. Called with the mutex held.
bool ensureLoaded(Module &m)
{
    if (m.tried) return m.create != nullptr;
    m.tried = true;
    const QStringList paths = m.overridePath.isEmpty() ? VideoEncoderModule::candidates() : QStringList{m.overridePath};
    QString path;
    for (const QString &candidate : paths) {
        if (QFileInfo::exists(candidate)) {
            path = candidate;
            break;
        }
    }
    if (path.isEmpty()) {
        QStringList folders;
        for (const QString &candidate : paths)
            folders.append(QDir::toNativeSeparators(QFileInfo(candidate).absolutePath()));
        m.error = QCoreApplication::translate(
                      "chronomap::VideoEncoderModule",
                      "animation export needs the video module %1, which is not installed (looked in %2)")
                      .arg(VideoEncoderModule::fileName(), folders.join(QStringLiteral(", ")));
        return false;
    }
    m.library.setFileName(path);
    if (!m.library.load()) {
        m.error = QCoreApplication::translate("chronomap::VideoEncoderModule", "cannot load the video module %1: %2")
                      .arg(QDir::toNativeSeparators(path), m.library.errorString());
        return false;
    }
    m.create = reinterpret_cast<CreateFn>(m.library.resolve("chronomap_video_create_encoder"));
    m.hasEncoder = reinterpret_cast<HasEncoderFn>(m.library.resolve("chronomap_video_has_encoder"));
    if (!m.create || !m.hasEncoder) {
        m.create = nullptr;
        m.error = QCoreApplication::translate("chronomap::VideoEncoderModule", "%1 is not a Chronomap video module")
                      .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace

QString VideoEncoderModule::fileName()
{
    return QStringLiteral(CHRONOMAP_VIDEO_MODULE_FILE);
}

QStringList VideoEncoderModule::candidates()
{
    const QDir exeDir(DataPaths::applicationDir());
    return {exeDir.filePath(fileName()),
            QDir::cleanPath(exeDir.filePath(QStringLiteral(CHRONOMAP_VIDEO_MODULE_RELDIR) + u'/' + fileName()))};
}

void VideoEncoderModule::setPath(const QString &path)
{
    Module &m = module();
    const QMutexLocker lock(&m.mutex);
    m.overridePath = path;
}

bool VideoEncoderModule::load(QString *error)
{
    Module &m = module();
    const QMutexLocker lock(&m.mutex);
    if (ensureLoaded(m)) return true;
    if (error) *error = m.error;
    return false;
}

std::unique_ptr<VideoEncoder> VideoEncoderModule::create(QString *error)
{
    Module &m = module();
    const QMutexLocker lock(&m.mutex);
    if (!ensureLoaded(m)) {
        if (error) *error = m.error;
        return nullptr;
    }
    std::unique_ptr<VideoEncoder> encoder(m.create(VideoEncoder::kInterfaceVersion));
    if (!encoder && error)
        *error = QCoreApplication::translate("chronomap::VideoEncoderModule",
                                             "the video module is of another Chronomap version");
    return encoder;
}

bool VideoEncoderModule::hasEncoder(AnimationFormat format)
{
    Module &m = module();
    const QMutexLocker lock(&m.mutex);
    return ensureLoaded(m) && m.hasEncoder(VideoEncoder::kInterfaceVersion, int(format));
}

bool VideoEncoderModule::isLoaded()
{
    Module &m = module();
    const QMutexLocker lock(&m.mutex);
    return m.create != nullptr;
}

} // namespace chronomap
