/* goto forward and backward, and the kernel's error-unwinding ladder. */
extern int try_once(void);
extern int setup(void);
extern int work(void);
extern void lock(void);
extern void unlock(void);
extern void teardown(void);

int goto_backward(void)
{
	int tries = 0;
retry:
	if (try_once() < 0) {
		tries++;
		goto retry;
	}
	return tries;
}

int goto_forward(int x)
{
	if (x)
		goto skip;
	lock();
	unlock();
skip:
	return x;
}

int goto_ladder(void)
{
	int err;

	err = setup();
	if (err)
		goto out;
	lock();
	err = work();
	if (err < 0)
		goto out_unlock;
	err = work();
	if (err)
		goto out_teardown;
	unlock();
	return 0;

out_teardown:
	teardown();
out_unlock:
	unlock();
out:
	return err;
}

/* a label nobody jumps to is just a join point; code after goto is dropped */
void goto_dead(void)
{
	goto end;
	lock();
end:
	unlock();
}
