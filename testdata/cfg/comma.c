/* The comma operator: left side for its effects, right side is the value. */
extern int a(void);
extern int b(int);
extern void use(int v);

void comma(int x)
{
	int v;

	v = (a(), b(x));
	use(v);
	if (a(), x)
		use(1);
	for (v = 0, x = 1; v < x; v++, x--)
		use(v);
}
