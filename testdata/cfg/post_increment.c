/* Post-increment in a condition tests the old value: if (!p++). */
extern void use(int *p);

void post_increment(int *p, int n)
{
	if (!p++)
		use(p);
	if (n-- > 0)
		use(p);
	if (++n)
		use(p);
}
