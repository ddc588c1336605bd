/* Nested ifs without else: the false edges go straight to the join. */
extern void a(void);
extern void b(void);
extern void c(void);

void if_nested(int x, int y)
{
	if (x) {
		a();
		if (y)
			b();
	}
	c();
}
