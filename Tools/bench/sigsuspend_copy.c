/*
 * Preloaded into chronod under valgrind by callgrind.sh. libdispatch's dispatch_main() parks the main thread in
 * sigsuspend() with a `static const sigset_t` (read-only memory); valgrind's rt_sigsuspend wrapper removes its own
 * signal from the caller's mask in place and dies with SIGSEGV (valgrind 3.19 to 3.27 alike). This passes the
 * kernel a writable copy instead; the call means the same.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, (size_t)(_NSIG / 8));
}
