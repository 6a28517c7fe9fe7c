// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/reader_zygote.h"

#include "core/data_paths.h"

#include "core/io/reader_child.h"
#include "core/io/reader_process.h"

#include <QCoreApplication>
#include <QMutex>
#include <QStringList>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace chronomap {

namespace {

QMutex g_mutex;
ReaderZygote::Started g_zygote; ///< in the app: the unused zygote, if any
int g_commandFd = -1;           ///< in the app: where its command line goes

/// Threads of this process (fork copies only the calling one: a lock another holds stays held).
int threadCount()
{
    DIR *dir = ::opendir("/proc/self/task");
    if (!dir) return -1;
    int n = 0;
    while (const dirent *entry = ::readdir(dir))
        n += entry->d_name[0] != '.';
    ::closedir(dir);
    return n;
}

bool readAll(int fd, QByteArray &out)
{
    char chunk[4096];
    while (true) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n == 0) return true;
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        out.append(chunk, n);
    }
}

/// The command line as sent by take(): per argument, its length (4 bytes) and its bytes.
std::optional<QStringList> decode(const QByteArray &bytes)
{
    QStringList arguments;
    for (qsizetype at = 0; at < bytes.size();) {
        if (bytes.size() - at < qsizetype(sizeof(std::uint32_t))) return std::nullopt;
        std::uint32_t size = 0;
        std::memcpy(&size, bytes.constData() + at, sizeof size);
        at += sizeof size;
        if (qsizetype(size) > bytes.size() - at) return std::nullopt;
        arguments.append(QString::fromLocal8Bit(bytes.constData() + at, qsizetype(size)));
        at += size;
    }
    if (arguments.size() < 3) return std::nullopt;
    return arguments;
}

/// The zygote's life: ready itself, wait for a command line, run it as a reader child.
int runZygote(int argc, char **argv, int commandFd, int stdoutFd)
{
    // As posix_spawn starts a reader child: no signal blocked, the ones it resets at default.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int s : {SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGXCPU})
        ::signal(s, SIG_DFL);
    QCoreApplication app(argc, argv);
    DataPaths::applicationDir(); // Qt's unguarded path cache filled before threads (DataPaths)
    // GDAL's drivers are not registered here: a GeoJSON file the fast path reads needs none, and
    // the reader registers them (ensureGdalReady) when a file does.
    QByteArray command;
    const bool received = readAll(commandFd, command);
    ::close(commandFd);
    const auto arguments = received ? decode(command) : std::nullopt;
    if (!arguments) std::_Exit(0); // the app ended, or chose another reader: nothing to do
    // stdin from /dev/null and stdout the pipe, as a spawned reader child has them.
    if (const int devNull = ::open("/dev/null", O_RDONLY); devNull >= 0) {
        ::dup2(devNull, STDIN_FILENO);
        if (devNull != STDIN_FILENO) ::close(devNull);
    }
    if (::dup2(stdoutFd, STDOUT_FILENO) < 0) std::_Exit(ReaderProcess::kExitPipeClosed);
    ::close(stdoutFd);
    return ReaderChild::run(*arguments);
}

} // namespace

std::optional<int> ReaderZygote::start(int argc, char **argv)
{
    if (threadCount() != 1) return std::nullopt;
    int command[2], output[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, command) != 0) return std::nullopt;
    if (::pipe2(output, O_CLOEXEC) != 0) {
        ::close(command[0]);
        ::close(command[1]);
        return std::nullopt;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(command[0]);
        ::close(output[0]);
        return runZygote(argc, argv, command[1], output[1]);
    }
    ::close(command[1]);
    ::close(output[1]);
    if (pid < 0) {
        ::close(command[0]);
        ::close(output[0]);
        return std::nullopt;
    }
    ::fcntl(output[0], F_SETPIPE_SZ, 1 << 20); // as for a spawned child (a hint: may fail)
    const QMutexLocker lock(&g_mutex);
    g_zygote = {pid, output[0]};
    g_commandFd = command[0];
    return std::nullopt;
}

std::optional<ReaderZygote::Started> ReaderZygote::take(const std::vector<QByteArray> &arguments)
{
    Started zygote;
    int commandFd = -1;
    {
        const QMutexLocker lock(&g_mutex);
        zygote = std::exchange(g_zygote, Started{});
        commandFd = std::exchange(g_commandFd, -1);
    }
    if (zygote.pid <= 0) return std::nullopt;
    QByteArray command;
    for (const QByteArray &argument : arguments) {
        const auto size = std::uint32_t(argument.size());
        command.append(reinterpret_cast<const char *>(&size), sizeof size);
        command.append(argument);
    }
    bool sent = true;
    for (qsizetype at = 0; sent && at < command.size();) {
        // MSG_NOSIGNAL: a zygote that died is a failed send here, not a SIGPIPE for the app.
        const ssize_t n = ::send(commandFd, command.constData() + at, size_t(command.size() - at), MSG_NOSIGNAL);
        if (n > 0)
            at += n;
        else if (n < 0 && errno != EINTR)
            sent = false;
    }
    ::close(commandFd); // the end of the command line
    if (!sent) {
        ::kill(zygote.pid, SIGKILL);
        ::waitpid(zygote.pid, nullptr, 0);
        ::close(zygote.stdoutFd);
        return std::nullopt;
    }
    return zygote;
}

} // namespace chronomap
