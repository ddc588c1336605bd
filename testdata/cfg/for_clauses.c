/* for loops with one clause missing in turn, and with only one clause. */
extern int more(int i);
extern void work(int i);

void for_no_init(int i, int n)
{
	for (; i < n; i++)
		work(i);
}

void for_no_cond(int n)
{
	int i;

	for (i = 0; ; i++)
		if (more(i))
			break;
}

void for_no_inc(int n)
{
	int i;

	for (i = 0; i < n;)
		i = more(i);
}

void for_init_only(void)
{
	int i;

	for (i = 0;;)
		work(i);
}

void for_cond_only(int i)
{
	for (; more(i);)
		work(i);
}

void for_inc_only(int i)
{
	for (;; i++)
		if (more(i))
			return;
}

/* a declaration as the init clause */
void for_decl(int n)
{
	for (int i = 0; i < n; i++)
		work(i);
}
