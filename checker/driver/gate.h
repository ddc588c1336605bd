/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MMLOCK_GATE_H
#define MMLOCK_GATE_H

/*
 * mmlock gate: what a patch series adds, patch by patch (docs/gate.md).
 * argv[0] is "gate"; self is this executable, for the analyses.
 * Exit 0: no new finding; 1: new findings; 2: the gate could not run.
 */
int gate_main(int argc, char **argv, const char *self);

#endif
