/* while: the head tests the condition, the body jumps back to the head. */
extern int more(void);
extern int skip(void);
extern void work(void);
extern void done(void);

void while_loop(int n)
{
	while (n > 0) {
		if (skip())
			continue;
		work();
		n--;
	}
	done();
}

/* while (1): the constant condition becomes a goto; break is the only exit */
void while_true(void)
{
	while (1) {
		if (!more())
			break;
		work();
	}
	done();
}
