/* c ? a : b and GNU x ?: y, as values and in conditions. */
extern int a(void);
extern int b(void);
extern void use(int v);

int conditional(int c)
{
	int v = c ? a() : b();

	use(v);
	if (c ? v : 0)
		use(1);
	return v;
}

/* x ?: y evaluates x once; its value is x when x is true */
int gnu_conditional(int x)
{
	int v = a() ?: x;

	if (b() ?: x)
		use(v);
	return v;
}
