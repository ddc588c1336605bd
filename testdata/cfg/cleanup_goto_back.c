/*
 * A backward goto to a label before a cleanup variable's declaration ends
 * the variable's lifetime: gcc and clang run the cleanup on that edge.
 */
extern void release(int *p);
extern void use(int v);

void cleanup_goto_back(int n)
{
	if (n) {
again:
		n--;
		int x __attribute__((cleanup(release))) = n;

		if (x > 0)
			goto again;	/* release(&x), then back to again */
		use(x);
	}
}
