/* do { ... } while (0) macros, one with a return inside. */
extern int check(int x);
extern void warn(int x);

#define RETURN_IF_BAD(x) do {		\
	if (check(x))			\
		return -22;		\
} while (0)

#define WARN_AND_COUNT(x, n) do {	\
	warn(x);			\
	(n)++;				\
} while (0)

int do_while0_macro(int x)
{
	int n = 0;

	RETURN_IF_BAD(x);
	WARN_AND_COUNT(x, n);
	return n;
}
