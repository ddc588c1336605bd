/*
 * __attribute__((cleanup(f))): f(&var) runs on every edge that leaves var's
 * scope, innermost variable first: falling off the end of the block, return,
 * break out of a loop, continue, and goto out of the scope.
 */
extern void release(int *p);
extern void drop(int *p);
extern int get(void);
extern void use(int v);

void cleanup_fallthrough(void)
{
	{
		int a __attribute__((cleanup(release))) = get();
		int b __attribute__((cleanup(drop))) = get();

		use(a + b);
	}
	use(0);
}

int cleanup_return(int x)
{
	int a __attribute__((cleanup(release))) = get();

	if (x) {
		int b __attribute__((cleanup(drop))) = x;

		if (b > 1)
			return x;
	}
	return 0;
}

void cleanup_break(int n)
{
	int a __attribute__((cleanup(release))) = n;

	while (n--) {
		int b __attribute__((cleanup(drop))) = get();

		if (b < 0)
			break;
		if (b == 0)
			continue;
		use(b);
	}
	use(a);
}

void cleanup_goto(int x)
{
	{
		int a __attribute__((cleanup(release))) = get();

		if (a < 0)
			goto out;	/* leaves a's scope */
		use(a);
	}
out:
	use(x);
}
