/**
 * Reporting: the leader dashboard (领导驾驶舱) and the monthly report (社区稳定与服务工作月报), from read
 * models that it keeps by listening to the other modules' events. It only listens and
 * queries other modules' public APIs; nothing depends on it.
 */
@NullMarked
package org.anju.reporting;

import org.jspecify.annotations.NullMarked;
