/* goto *p: any label whose address is taken (&&label), and no other. */
extern void a(void);
extern void b(void);
extern void c(void);

void computed_goto(int i)
{
	void *p = &&one;

	if (i)
		p = &&two;
	goto *p;
one:
	a();
two:
	b();
	return;
three:		/* address never taken: not a target, so unreachable */
	c();
}
