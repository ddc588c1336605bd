/* GNU statement expressions: the statements, then the last expression is the value. */
extern int get(int x);
extern void put(int v);

int stmt_expr(int x)
{
	int v = ({
		int t = get(x);
		if (t < 0)
			t = 0;
		t;
	});
	put(v);
	return ({ get(v) + 1; });
}

/* a statement expression as a condition */
void stmt_expr_cond(int x)
{
	if (({ int t = get(x); t > 2; }))
		put(x);
}

/* the value is read before the block's cleanups run */
extern void release(int *p);

int stmt_expr_cleanup(void)
{
	return ({ int a __attribute__((cleanup(release))) = get(0); a; });
}
