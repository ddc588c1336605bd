// SPDX-License-Identifier: GPL-2.0
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Before the subcommand: no pager, no hook, no fsmonitor, no signing, no prompt. */
static const char *const fixed_args[] = {
	"git", "--no-pager", "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
	"-c", "commit.gpgSign=false", "-c", "advice.detachedHead=false",
};

static volatile sig_atomic_t *stop_flag;

void git_set_stop(volatile sig_atomic_t *stop)
{
	stop_flag = stop;
}

static bool stopped(void)
{
	return stop_flag && *stop_flag;
}

static void child(const char *dir, const char *const *args, const char *const *env,
		  const char *input, int out, int err)
{
	size_t n = ARRAY_SIZE(fixed_args), k = 0;
	char **argv;
	int null = open("/dev/null", O_RDWR), in = input ? open(input, O_RDONLY) : null;

	while (args[k])
		k++;
	argv = xcalloc(n + k + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		argv[i] = (char *)fixed_args[i];
	for (size_t i = 0; i < k; i++)
		argv[n + i] = (char *)args[i];
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (in < 0) {
		fprintf(stderr, "mmlock: cannot read %s: %s\n", input, strerror(errno));
		_exit(127);
	}
	dup2(in, 0);
	dup2(out >= 0 ? out : null, 1);
	dup2(err >= 0 ? err : null, 2);
	/* our own repository and work tree are named by -C and the directory */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	unsetenv("GIT_PREFIX");
	setenv("LC_ALL", "C", 1);
	setenv("GIT_TERMINAL_PROMPT", "0", 1);
	for (int i = 0; env && env[i]; i++)
		putenv((char *)env[i]);
	if (dir && chdir(dir) != 0) {
		fprintf(stderr, "mmlock: cannot enter %s: %s\n", dir, strerror(errno));
		_exit(127);
	}
	execvp("git", argv);
	fprintf(stderr, "mmlock: cannot run git: %s\n", strerror(errno));
	_exit(127);
}

int git_run(const char *dir, const char *const *args, const char *const *env,
	    struct strbuf *out, struct strbuf *err)
{
	return git_run_input(dir, args, env, NULL, out, err);
}

int git_run_input(const char *dir, const char *const *args, const char *const *env,
		  const char *input, struct strbuf *out, struct strbuf *err)
{
	int po[2], pe[2], status;
	struct pollfd fds[2];
	struct strbuf *bufs[2] = { out, err };
	char buf[65536];
	pid_t pid;

	if (out)
		sb_add(out, "");
	if (err)
		sb_add(err, "");
	if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC)) {
		if (err)
			sb_addf(err, "cannot make a pipe: %s\n", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		child(dir, args, env, input, po[1], pe[1]);
	close(po[1]);
	close(pe[1]);
	if (pid < 0) {
		close(po[0]);
		close(pe[0]);
		if (err)
			sb_addf(err, "cannot fork: %s\n", strerror(errno));
		return -1;
	}
	fds[0] = (struct pollfd){ po[0], POLLIN, 0 };
	fds[1] = (struct pollfd){ pe[0], POLLIN, 0 };
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		if (stopped()) {
			kill(pid, SIGTERM);
			break;
		}
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			ssize_t got;

			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			got = read(fds[i].fd, buf, sizeof(buf));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
			} else if (bufs[i]) {
				sb_addn(bufs[i], buf, got);
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (stopped()) {
		if (err)
			sb_add(err, "stopped by a signal\n");
		return -1;
	}
	if (WIFSIGNALED(status)) {
		if (err)
			sb_addf(err, "git was killed by signal %d\n", WTERMSIG(status));
		return -1;
	}
	return WEXITSTATUS(status);
}

int git(const char *dir, struct strbuf *out, struct strbuf *err, ...)
{
	VEC(const char *) args = {0};
	const char *a;
	va_list ap;
	int rc;

	va_start(ap, err);
	while ((a = va_arg(ap, const char *)))
		vec_push(&args, a);
	va_end(ap);
	vec_push(&args, NULL);
	rc = git_run(dir, args.v, NULL, out, err);
	vec_free(&args);
	return rc;
}
