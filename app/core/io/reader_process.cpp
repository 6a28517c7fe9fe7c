// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/reader_process.h"

#include "core/data_paths.h"
#include "core/io/database_source.h"
#include "core/io/reader_child.h"
#include "core/io/reader_stream.h"
#include "core/io/table_preview.h"
#include "core/io/reader_zygote.h"
#include "core/ui_language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMutex>
#include <QProcessEnvironment>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <vector>

namespace chronomap {

namespace {

QMutex g_settingsMutex;
QString g_executable;
ReaderLimits g_limits;

using Clock = std::chrono::steady_clock;

thread_local ReaderProcess::TransferStats t_lastTransfer;

/// The child's command line: the file, the load's limits and mapping, the child's limits, the
/// UI language (its messages are translated like the app's).
std::vector<QByteArray> childArguments(const QString &exe, const QString &path, const LoadOptions &options,
                                       const ReaderLimits &limits)
{
    const qint64 fileBytes = QFileInfo(path).size();
    const qint64 memory =
        limits.memoryBytes > 0 ? limits.memoryBytes : (2LL << 30) + 2 * std::max<qint64>(0, fileBytes);
    std::vector<QByteArray> args = {QFile::encodeName(exe), ReaderChild::kOption, QFile::encodeName(path)};
    auto add = [&](const char *key, const QByteArray &value) {
        args.emplace_back(key);
        args.push_back(value);
    };
    add("--max-records", QByteArray::number(options.maxRecords));
    add("--max-database-rows", QByteArray::number(options.maxDatabaseRows));
    add("--max-file-bytes", QByteArray::number(options.maxFileBytes));
    add("--max-text-bytes", QByteArray::number(options.maxTextBytes));
    add("--max-vertices", QByteArray::number(options.maxVertices));
    add("--max-json-depth", QByteArray::number(options.maxJsonDepth));
    add("--memory-bytes", QByteArray::number(memory));
    add("--cpu-seconds", QByteArray::number(limits.cpuSeconds));
    add("--open-files", QByteArray::number(limits.openFiles));
    add("--lang", UiLanguage::current().toUtf8());
    for (FieldRole role : allFieldRoles())
        if (options.mapping.has(role))
            add("--map", QByteArray::number(int(role)) + '=' + options.mapping.column(role).toUtf8());
    for (const QString &figure : options.mapping.figures())
        add("--figure", figure.toUtf8());
    return args;
}

/// The child's environment: this process's, plus PGPASSWORD for a database the user typed a
/// password for. Only the child sees it (it is not on its command line, which `ps` shows).
std::vector<QByteArray> childEnvironment(const QString &path, const LoadOptions &options)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (DatabaseSource::isDatabase(path) && !options.databasePassword.isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), options.databasePassword);
    std::vector<QByteArray> entries;
    for (const QString &entry : environment.toStringList())
        entries.push_back(entry.toLocal8Bit());
    return entries;
}

/// A started child and the read end of its stdout; ends and reaps the child however it is left.
class Child {
public:
    ~Child()
    {
        kill();
        if (m_fd >= 0) ::close(m_fd);
    }
    bool start(const std::vector<QByteArray> &args, const std::vector<QByteArray> &environment, QString *error)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        std::vector<char *> argv;
        for (const QByteArray &a : args)
            argv.push_back(const_cast<char *>(a.constData()));
        argv.push_back(nullptr);
        std::vector<char *> envp;
        for (const QByteArray &e : environment)
            envp.push_back(const_cast<char *>(e.constData()));
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        for (int s : {SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGXCPU})
            sigaddset(&defaults, s);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &defaults);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, &attr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        ::close(fds[1]);
        m_fd = fds[0];
        ::fcntl(m_fd, F_SETPIPE_SZ, 1 << 20); // batches pass in fewer, larger writes (a hint: may fail)
        if (rc != 0) {
            m_pid = -1;
            *error = QString::fromLocal8Bit(std::strerror(rc));
            return false;
        }
        return true;
    }
    /// Takes over a started reader child (ReaderZygote): its process id and its stdout's read end.
    void adopt(pid_t pid, int fd)
    {
        m_pid = pid;
        m_fd = fd;
    }
    int fd() const { return m_fd; }
    /// SIGKILL and reap; does nothing once reaped.
    void kill()
    {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGKILL);
        reap(true);
    }
    /// Reaps the child if it has ended (or waits when `block`); true once reaped.
    bool reap(bool block)
    {
        if (m_pid <= 0) return true;
        pid_t r;
        do {
            r = ::waitpid(m_pid, &m_status, block ? 0 : WNOHANG);
        } while (r < 0 && errno == EINTR);
        if (r == m_pid || r < 0) m_pid = -1;
        return m_pid <= 0;
    }
    /// Reaps the child, giving it up to `patience` to end (it closed its stdout: it is ending).
    bool reapWithin(std::chrono::milliseconds patience)
    {
        const auto since = Clock::now();
        while (!reap(false) && Clock::now() - since < patience)
            ::usleep(2000);
        return m_pid <= 0;
    }
    int status() const { return m_status; }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
    int m_status = 0;
};

/// True when the reader child is the running executable (no other was set).
bool isOwnExecutable()
{
    const QMutexLocker lock(&g_settingsMutex);
    return g_executable.isEmpty();
}

QString recordText(qint64 record)
{
    return record < 0 ? QCoreApplication::translate("ReaderProcess", "before the first record")
                      : QCoreApplication::translate("ReaderProcess", "after record %1").arg(record);
}

QString readerText(const QString &driver)
{
    return driver.isEmpty() ? QCoreApplication::translate("ReaderProcess", "while opening the file") : driver;
}

} // namespace

void ReaderProcess::setExecutable(const QString &path)
{
    const QMutexLocker lock(&g_settingsMutex);
    g_executable = path;
}

QString ReaderProcess::executable()
{
    const QMutexLocker lock(&g_settingsMutex);
    return g_executable.isEmpty() ? DataPaths::applicationFile() : g_executable;
}

void ReaderProcess::setDefaultLimits(const ReaderLimits &limits)
{
    const QMutexLocker lock(&g_settingsMutex);
    g_limits = limits;
}

ReaderProcess::TransferStats ReaderProcess::lastTransfer()
{
    return t_lastTransfer;
}

ReaderLimits ReaderProcess::defaultLimits()
{
    const QMutexLocker lock(&g_settingsMutex);
    return g_limits;
}

bool ReaderProcess::readsInProcess(const QString &path)
{
    const QFileInfo file(path), bundled(DataPaths::bundledEvents());
    return file.exists() && file.canonicalFilePath() == bundled.canonicalFilePath();
}

LoadResult ReaderProcess::loadFile(const QString &path, const LoadOptions &options,
                                   const EventLoader::Progress &progress)
{
    if (readsInProcess(path)) return EventLoader::load(path, options, progress);
    return load(path, options, progress, defaultLimits());
}

LoadResult ReaderProcess::load(const QString &path, const LoadOptions &options, const EventLoader::Progress &progress,
                               const ReaderLimits &limits)
{
    Child child;
    const QString exe = executable();
    const std::vector<QByteArray> arguments = childArguments(exe, path, options, limits);
    QString startError;
    bool started = false;
    // The zygote forked at the app's start, when there is one (one-shot exports, validations and queries), is this very
    // executable already linked: a file's first reader saves the child's start. A database's
    // reader gets its password in its environment, so it is always started anew.
    if (isOwnExecutable() && !DatabaseSource::isDatabase(path))
        if (const auto zygote = ReaderZygote::take(arguments)) {
            child.adopt(zygote->pid, zygote->stdoutFd);
            started = true;
        }
    if (!started) started = child.start(arguments, childEnvironment(path, options), &startError);
    // The stream after the child: registering GDAL's drivers here then overlaps the child's start.
    ReaderStream stream(path, options);
    if (!started)
        return stream.fail(
            QCoreApplication::translate("ReaderProcess", "cannot start the file reader %1: %2").arg(exe, startError));

    enum class Outcome { Running, Eof, Malformed, Cancelled, Stalled } outcome = Outcome::Running;
    std::vector<char> buffer(1 << 20);
    auto lastRecordAt = Clock::now(), lastProgressAt = Clock::now();
    qint64 lastDone = -1;
    t_lastTransfer = {};
    qint64 receiveNs = 0; // reading the pipe and feeding the stream, conversion included
    while (outcome == Outcome::Running) {
        pollfd p{child.fd(), POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready > 0) {
            const auto readAt = Clock::now();
            const ssize_t n = ::read(child.fd(), buffer.data(), buffer.size());
            if (n > 0) t_lastTransfer.bytes += n;
            if (n > 0 && !stream.feed(buffer.data(), qsizetype(n))) outcome = Outcome::Malformed;
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) outcome = Outcome::Eof;
            receiveNs += std::chrono::nanoseconds(Clock::now() - readAt).count();
        }
        const auto now = Clock::now();
        if (const qint64 done = std::max(stream.recordsDone(), stream.lastRecord()); done != lastDone) {
            lastDone = done; // a record arrived: the watchdog starts again
            lastRecordAt = now;
        }
        if (progress && (now - lastProgressAt > std::chrono::milliseconds(50) || outcome != Outcome::Running)) {
            lastProgressAt = now;
            if (!progress(std::max<qint64>(0, lastDone), stream.recordsTotal())) outcome = Outcome::Cancelled;
        }
        if (outcome == Outcome::Running && now - lastRecordAt > std::chrono::milliseconds(limits.watchdogMs))
            outcome = Outcome::Stalled;
    }
    if (outcome == Outcome::Cancelled) {
        child.kill(); // at once: GDAL is not asked to return
        LoadResult result;
        result.cancelled = true;
        result.store = EventStoreBuilder().build();
        return result;
    }
    // A complete stream is built while the child exits (unmapping its ~150 libraries took
    // 10-40 ms at load 9); its exit status is read after, and only a clean exit keeps the result.
    const int kept = int(std::min<qsizetype>(stream.eventsConverted(), INT_MAX));
    std::optional<LoadResult> built;
    if (outcome == Outcome::Eof && stream.ended() && !stream.malformed()) built = stream.finish();
    if (outcome == Outcome::Eof) // the child closed its stdout: it is ending; the watchdog's time to do so
        child.reapWithin(std::chrono::milliseconds(limits.watchdogMs));
    child.kill(); // a no-op when reaped; ends a child that stalled, sent garbage or lingers
    t_lastTransfer.ms = double(receiveNs - stream.conversionNs()) / 1e6;
    t_lastTransfer.childPeakRssBytes = stream.childPeakRssBytes();
    t_lastTransfer.childMinorFaults = stream.childMinorFaults();
    const int status = child.status();
    const QString reader = readerText(stream.driver()), after = recordText(stream.lastRecord());
    QString message;
    if (built && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        if (progress) progress(built->recordsRead, built->recordsRead);
        return std::move(*built);
    } else if (stream.outOfMemory() || (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory)) {
        message = QCoreApplication::translate(
                      "ReaderProcess", "the file is too large for the reader's memory limit (%1 MiB more than at its "
                                       "start); the reader (%2) stopped %3")
                      .arg(limits.memoryBytes > 0 ? limits.memoryBytes >> 20
                                                  : ((2LL << 30) + 2 * QFileInfo(path).size()) >> 20)
                      .arg(reader, after);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == kExitDatabaseLost) {
        message = QCoreApplication::translate("ReaderProcess",
                                              "the connection to the database was lost while reading the table %1")
                      .arg(after);
    } else if (outcome == Outcome::Stalled) {
        message =
            QCoreApplication::translate("ReaderProcess", "the reader (%1) made no progress for %2 s %3 and was stopped")
                .arg(reader)
                .arg(double(limits.watchdogMs) / 1000.0)
                .arg(after);
    } else if (outcome == Outcome::Malformed) {
        message = QCoreApplication::translate("ReaderProcess", "the reader (%1) sent malformed data %2 (%3)")
                      .arg(reader, after, stream.error());
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
        message = QCoreApplication::translate("ReaderProcess", "the reader (%1) used up its CPU time limit of %2 s %3")
                      .arg(reader)
                      .arg(limits.cpuSeconds)
                      .arg(after);
    } else if (WIFSIGNALED(status)) {
        message = QCoreApplication::translate("ReaderProcess", "the reader (%1) crashed with signal %2 (%3) %4")
                      .arg(reader)
                      .arg(WTERMSIG(status))
                      .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))), after);
    } else {
        message =
            QCoreApplication::translate("ReaderProcess", "the reader (%1) stopped unexpectedly (exit status %2) %3")
                .arg(reader)
                .arg(WIFEXITED(status) ? WEXITSTATUS(status) : -1)
                .arg(after);
    }
    message += QCoreApplication::translate(
        "ReaderProcess", "; nothing was loaded (%n event(s) read before it can be kept)", nullptr, kept);
    return built ? stream.fail(message, std::move(*built)) : stream.fail(message);
}

TablePreview ReaderProcess::preview(const QString &path, int maxRows, const ReaderLimits &limits,
                                    const std::function<bool()> &keepGoing)
{
    TablePreview failed;
    const QString exe = executable();
    std::vector<QByteArray> arguments = childArguments(exe, path, LoadOptions{}, limits);
    arguments.emplace_back(ReaderChild::kPreviewOption);
    arguments.push_back(QByteArray::number(maxRows));
    Child child;
    QString startError;
    if (!child.start(arguments, childEnvironment(path, LoadOptions{}), &startError)) {
        failed.error =
            QCoreApplication::translate("ReaderProcess", "cannot start the file reader %1: %2").arg(exe, startError);
        return failed;
    }
    // The answer is written at once when the rows are read; a few kilobytes (each cell at most
    // TablePreview::kMaxCellChars), so anything past a generous bound is not one.
    constexpr qsizetype kMaxAnswerBytes = 16 << 20;
    QByteArray answer;
    std::vector<char> buffer(64 << 10);
    const auto startedAt = Clock::now();
    enum class Outcome { Running, Eof, TooLong, Stalled, Cancelled } outcome = Outcome::Running;
    while (outcome == Outcome::Running) {
        pollfd p{child.fd(), POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            const ssize_t n = ::read(child.fd(), buffer.data(), buffer.size());
            if (n > 0) answer.append(buffer.data(), qsizetype(n));
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) outcome = Outcome::Eof;
            if (answer.size() > kMaxAnswerBytes) outcome = Outcome::TooLong;
        }
        if (outcome == Outcome::Running && Clock::now() - startedAt > std::chrono::milliseconds(limits.watchdogMs))
            outcome = Outcome::Stalled;
        if (outcome == Outcome::Running && keepGoing && !keepGoing()) outcome = Outcome::Cancelled;
    }
    if (outcome == Outcome::Cancelled) {
        child.kill(); // at once, as a cancelled load's
        failed.cancelled = true;
        return failed;
    }
    if (outcome == Outcome::Eof) child.reapWithin(std::chrono::milliseconds(limits.watchdogMs));
    child.kill();
    const int status = child.status();
    const std::optional<TablePreview> preview =
        outcome == Outcome::Eof ? TablePreview::fromJson(answer) : std::optional<TablePreview>();
    if (preview && WIFEXITED(status) && WEXITSTATUS(status) == 0) return *preview;
    QString why;
    if (outcome == Outcome::Stalled)
        why = QCoreApplication::translate("ReaderProcess", "no answer in %1 s").arg(double(limits.watchdogMs) / 1000.0);
    else if (WIFSIGNALED(status))
        why = QCoreApplication::translate("ReaderProcess", "it crashed with signal %1 (%2)")
                  .arg(WTERMSIG(status))
                  .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
    else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        why = QCoreApplication::translate("ReaderProcess", "it stopped with exit status %1").arg(WEXITSTATUS(status));
    else
        why = QCoreApplication::translate("ReaderProcess", "its answer was malformed");
    failed.error = QCoreApplication::translate("ReaderProcess", "the reader could not read the first rows of %1: %2")
                       .arg(path, why);
    return failed;
}

} // namespace chronomap
