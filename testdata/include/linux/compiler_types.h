/* mmlock test header: attribute and annotation macros (kernel-shaped). */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

/* Sparse address-space and context annotations compile to nothing. */
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __percpu
#define __force
#define __bitwise
#define __private
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __acquire(x)	(void)0
#define __release(x)	(void)0
#define __cond_lock(x, c)	(c)

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __noreturn		__attribute__((__noreturn__))
#define __cold			__attribute__((__cold__))
#define __pure			__attribute__((__pure__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __packed		__attribute__((__packed__))
#define __cleanup(func)		__attribute__((__cleanup__(func)))
#define fallthrough		__attribute__((__fallthrough__))

#define ___PASTE(a, b)	a##b
#define __PASTE(a, b)	___PASTE(a, b)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))

#endif /* _LINUX_COMPILER_TYPES_H */
