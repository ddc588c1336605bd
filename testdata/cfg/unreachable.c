/* __builtin_unreachable(), noreturn calls and BUG() end a path. */
#include <linux/bug.h>

extern void die(const char *why) __attribute__((__noreturn__));
extern _Noreturn void panic_now(void);
extern void use(int v);

int unreachable_builtin(int x)
{
	switch (x) {
	case 0:
		return 10;
	case 1:
		return 20;
	}
	__builtin_unreachable();
}

void unreachable_noreturn(int x)
{
	if (x < 0)
		die("negative");
	if (x == 0) {
		panic_now();
		use(0);		/* dropped */
	}
	use(x);
}

void unreachable_bug(int *p)
{
	BUG_ON(!p);
	use(*p);
}
