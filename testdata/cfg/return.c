/* return with and without a value; falling off the end is a plain return. */
extern int get(void);
extern void put(int v);

int return_value(int x)
{
	if (x < 0)
		return -x;
	if (x == 0)
		return get();
	return x + 1;
}

void return_void(int x)
{
	if (x)
		return;
	put(x);
}

void return_fall_off(int x)
{
	put(x);
}

/* code after a return is dropped */
int return_dead(void)
{
	return 1;
	put(2);
	return 2;
}
