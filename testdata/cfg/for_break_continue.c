/* for loop: break goes to the exit, continue to the increment block. */
extern int skip(int i);
extern int stop(int i);
extern void work(int i);
extern void done(void);

void for_break_continue(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (skip(i))
			continue;
		if (stop(i))
			break;
		work(i);
	}
	done();
}
