/*
 * goto runs the cleanups of the scopes it leaves, and only those: a goto
 * that stays inside a variable's scope must not release it (it would be
 * released twice, once more at the end of the scope).
 */
extern void release(int *p);
extern void drop(int *p);
extern int get(void);
extern void use(int v);

/* the label is in the function's outermost block, like out_unlock: */
int cleanup_goto_body(int x)
{
	int a __attribute__((cleanup(release))) = get();

	if (x)
		goto out;	/* a stays in scope: no cleanup here */
	use(a);
out:
	return x;
}

/* the label is in an enclosing block: leave b's scope, stay in a's */
void cleanup_goto_nested(int x)
{
	{
		int a __attribute__((cleanup(release))) = get();

		{
			int b __attribute__((cleanup(drop))) = a;

			if (b == x)
				goto inner;	/* drop(&b) only */
			use(b);
		}
inner:
		use(a);
	}
	use(x);
}
