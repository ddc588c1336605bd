/* for (;;) with only a body: no exit edge except break and return. */
extern int poll(void);
extern void done(void);

int for_forever(void)
{
	for (;;) {
		if (poll() < 0)
			return -1;
		if (poll() == 0)
			break;
	}
	done();
	return 0;
}

/* no break: the code after the loop is unreachable and dropped */
void for_no_exit(void)
{
	for (;;)
		poll();
	done();
}
