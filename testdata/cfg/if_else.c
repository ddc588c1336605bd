/* if/else: the condition's true edge goes to the then-block, false to else. */
extern void a(void);
extern void b(void);
extern void c(void);

void if_else(int x)
{
	if (x)
		a();
	else
		b();
	c();
}

/* a constant condition is folded into a goto; the dead arm is dropped */
void if_const(void)
{
	if (0)
		a();
	else
		b();
}
