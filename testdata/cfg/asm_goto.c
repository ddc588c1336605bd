/* asm goto: falls through or jumps to one of the labels it names. */
extern void a(void);
extern void b(void);
extern void c(void);

int asm_goto(void)
{
	asm goto("" :::: yes);
	a();
	return 0;
yes:
	b();
	return 1;
}

/* two labels: either one, or the fall-through */
void asm_goto_two(void)
{
	asm volatile goto("" :::: l1, l2);
	a();
l1:
	b();
l2:
	c();
}
