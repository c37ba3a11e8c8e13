/* Runs one command and records its wall time and peak memory, for
 * bench/run.sh: the time from just before fork to the child's exit
 * (CLOCK_MONOTONIC, so no shell fork or `date` process is counted), and the
 * child's maximum resident set size (getrusage RUSAGE_CHILDREN after
 * waitpid: the largest child waited for, here the only one; threads share
 * their process's RSS). Usage:
 *   measure RESULT_FILE COMMAND [ARG...]
 * The command's stdin, stdout and stderr are passed through. RESULT_FILE
 * gets one line, "wall_us=N maxrss_kb=N exit=N"; measure exits with the
 * command's exit code (128+signal when it was killed, 127 when it could not
 * be run). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: measure RESULT_FILE COMMAND [ARG...]\n");
        return 64;
    }
    FILE *result = fopen(argv[1], "w");
    if (!result) {
        fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
        return 73;
    }
    fflush(NULL);
    long long t0 = now_us();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "measure: fork: %s\n", strerror(errno));
        return 71;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "measure: waitpid: %s\n", strerror(errno));
            return 71;
        }
    }
    long long wall = now_us() - t0;
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        fprintf(stderr, "measure: getrusage: %s\n", strerror(errno));
        return 71;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    /* Linux gives ru_maxrss in kilobytes. */
    fprintf(result, "wall_us=%lld maxrss_kb=%ld exit=%d\n", wall, ru.ru_maxrss, code);
    if (fclose(result) != 0) {
        fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
        return 73;
    }
    return code;
}
