/*
 * mmlock test header: scope-based cleanup, kernel-shaped.
 *
 * A "class" NAME consists of
 *	typedef ... class_NAME_t;
 *	static inline class_NAME_t class_NAME_constructor(args);
 *	static inline void class_NAME_destructor(class_NAME_t *);
 * and CLASS(NAME, var)(args) declares var with __cleanup(class_NAME_destructor),
 * so the destructor runs whenever var goes out of scope.  Lock guards are
 * classes whose constructor takes the lock and whose destructor drops it:
 *
 *	guard(spinlock)(ptl);			held until the end of the block
 *	scoped_guard(spinlock, ptl) { ... }	held for the statement only
 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#include <linux/compiler_types.h>
#include <linux/types.h>

/* __free(name): call __free_name(&var) when var goes out of scope. */
#define DEFINE_FREE(_name, _type, _free)				\
	static inline void __free_##_name(void *p)			\
	{								\
		_type _T = *(_type *)p;					\
		_free;							\
	}

#define __free(_name)	__cleanup(__free_##_name)

/* Take the value out of a __free() variable so it is not freed. */
#define no_free_ptr(p)							\
	({ __auto_type __val = (p); (p) = NULL; __val; })

#define return_ptr(p)	return no_free_ptr(p)

/*
 * DEFINE_CLASS(name, type, exit, init, init_args...)
 *	exit:	statement run by the destructor, _T is the value
 *	init:	expression of init_args giving the initial value
 */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
	typedef _type class_##_name##_t;				\
	static inline void class_##_name##_destructor(class_##_name##_t *p) \
	{								\
		class_##_name##_t _T = *p;				\
		_exit;							\
	}								\
	static inline class_##_name##_t					\
	class_##_name##_constructor(_init_args)				\
	{								\
		return _init;						\
	}

/* EXTEND_CLASS(name, ext, init, init_args...): same value type, new constructor. */
#define EXTEND_CLASS(_name, _ext, _init, _init_args...)			\
	typedef class_##_name##_t class_##_name##_ext##_t;		\
	static inline void						\
	class_##_name##_ext##_destructor(class_##_name##_t *p)		\
	{								\
		class_##_name##_destructor(p);				\
	}								\
	static inline class_##_name##_t					\
	class_##_name##_ext##_constructor(_init_args)			\
	{								\
		return _init;						\
	}

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

/* Whether the guard may fail to take its lock (trylock flavours). */
#define __DEFINE_CLASS_IS_CONDITIONAL(_name, _is_cond)			\
	static __maybe_unused const bool class_##_name##_is_conditional = _is_cond

/*
 * DEFINE_GUARD(name, type, lock, unlock): guard over a lock pointer _T
 * (e.g. struct mutex *).  DEFINE_GUARD_COND(name, ext, condlock) adds the
 * trylock flavour name##ext whose value is NULL when condlock failed.
 */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)			\
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false);			\
	DEFINE_CLASS(_name, _type, if (_T != NULL) _unlock,		\
		     ({ _lock; _T; }), _type _T);			\
	static inline void *class_##_name##_lock_ptr(class_##_name##_t *p) \
	{								\
		return (void *)(__force unsigned long)*p;		\
	}

#define DEFINE_GUARD_COND(_name, _ext, _condlock)			\
	__DEFINE_CLASS_IS_CONDITIONAL(_name##_ext, true);		\
	EXTEND_CLASS(_name, _ext,					\
		     ({ (_T && (_condlock)) ? _T : NULL; }),		\
		     class_##_name##_t _T)				\
	static inline void *						\
	class_##_name##_ext##_lock_ptr(class_##_name##_t *p)		\
	{								\
		return class_##_name##_lock_ptr(p);			\
	}

/*
 * DEFINE_LOCK_GUARD_1(name, type, lock, unlock, extra members...)
 * DEFINE_LOCK_GUARD_0(name, lock, unlock, extra members...)
 * DEFINE_LOCK_GUARD_1_COND(name, ext, condlock)
 *
 * class_NAME_t is a small struct whose 'lock' member points at the lock
 * (NULL: nothing held).  Inside lock/unlock/condlock, _T points at it.
 */
#define __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, ...)		\
	typedef struct {						\
		_type *lock;						\
		__VA_ARGS__;						\
	} class_##_name##_t;						\
	static inline void						\
	class_##_name##_destructor(class_##_name##_t *_T)		\
	{								\
		if (!_T->lock)						\
			return;						\
		_unlock;						\
	}								\
	static inline void *						\
	class_##_name##_lock_ptr(class_##_name##_t *_T)			\
	{								\
		return (void *)(__force unsigned long)_T->lock;		\
	}

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)		\
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false);			\
	__DEFINE_UNLOCK_GUARD(_name, _type, _unlock, __VA_ARGS__)	\
	static inline class_##_name##_t					\
	class_##_name##_constructor(_type *l)				\
	{								\
		class_##_name##_t g = { .lock = l };			\
		class_##_name##_t *_T = &g;				\
		_lock;							\
		return g;						\
	}

#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...)			\
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false);			\
	__DEFINE_UNLOCK_GUARD(_name, void, _unlock, __VA_ARGS__)	\
	static inline class_##_name##_t					\
	class_##_name##_constructor(void)				\
	{								\
		class_##_name##_t g = { .lock = (void *)1 };		\
		_lock;							\
		return g;						\
	}

#define DEFINE_LOCK_GUARD_1_COND(_name, _ext, _condlock)		\
	__DEFINE_CLASS_IS_CONDITIONAL(_name##_ext, true);		\
	typedef class_##_name##_t class_##_name##_ext##_t;		\
	static inline void						\
	class_##_name##_ext##_destructor(class_##_name##_t *p)		\
	{								\
		class_##_name##_destructor(p);				\
	}								\
	static inline class_##_name##_t					\
	class_##_name##_ext##_constructor(typeof(((class_##_name##_t *)0)->lock) l) \
	{								\
		class_##_name##_t g = { .lock = l };			\
		class_##_name##_t *_T = &g;				\
		if (_T->lock && !(_condlock))				\
			g.lock = NULL;					\
		return g;						\
	}								\
	static inline void *						\
	class_##_name##_ext##_lock_ptr(class_##_name##_t *p)		\
	{								\
		return class_##_name##_lock_ptr(p);			\
	}

/* guard(name)(args...): anonymous guard, released at the end of the scope. */
#define guard(_name)							\
	CLASS(_name, __UNIQUE_ID(guard))

#define __guard_ptr(_name)	class_##_name##_lock_ptr
#define __is_cond_ptr(_name)	class_##_name##_is_conditional

/*
 * scoped_guard(name, args...) stmt: the guard variable 'scope' lives in a
 * loop that runs stmt at most once; for a conditional guard stmt is skipped
 * when the lock was not taken.  'break' in stmt leaves the guarded section.
 */
#define __scoped_guard(_name, _once, args...)				\
	for (CLASS(_name, scope)(args), *_once = &scope;		\
	     _once && (__guard_ptr(_name)(&scope) || !__is_cond_ptr(_name)); \
	     _once = NULL)

#define scoped_guard(_name, args...)					\
	__scoped_guard(_name, __UNIQUE_ID(once), args)

#endif /* _LINUX_CLEANUP_H */
