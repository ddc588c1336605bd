/* do/while: the body runs first; continue goes to the test, not the body. */
extern int more(void);
extern int skip(void);
extern void work(void);
extern void done(void);

void do_while(void)
{
	do {
		if (skip())
			continue;
		work();
	} while (more());
	done();
}

/* do { } while (0) runs once: the test is folded into a goto to the exit */
void do_once(void)
{
	do {
		if (skip())
			break;
		work();
	} while (0);
	done();
}
