/*
 * switch: a dispatch chain with one test per case in source order, ending
 * in the default (or the exit); cases fall through into the next one.
 */
extern void a(void);
extern void b(void);
extern void c(void);
extern void d(void);
extern void done(void);

enum kind { K_NONE, K_ONE, K_TWO = 5 };

void switch_fallthrough(int x)
{
	switch (x) {
	case 0:
		a();
		/* fall through */
	case K_TWO:
		b();
		break;
	default:	/* in the middle, falls through into case 7 */
		c();
	case 7:
		d();
	}
	done();
}

/* GNU case ranges, and a switch without default: no case matches -> exit */
void switch_range(int x)
{
	switch (x) {
	case 1 ... 3:
		a();
		break;
	case 4:
		b();
		return;
	}
	done();
}

/* code before the first case is unreachable; break inside a loop in a case */
void switch_loop(int x, int n)
{
	switch (x) {
		a();
	case 1:
		while (n--)
			if (n == 3)
				break;
		b();
		break;
	}
}

/* in a loop: break leaves the switch, continue goes to the loop's increment */
void switch_in_loop(int n, int x)
{
	for (int i = 0; i < n; i++) {
		switch (x) {
		case 1:
			continue;
		case 2:
			break;
		}
		a();
	}
}
