package io.isolane.warmup.service;

import io.isolane.warmup.CapChange;
import io.isolane.warmup.Plan;
import io.isolane.warmup.SenderWarmup;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the API shows about one sender.
 *
 * @param sender the sender's row
 * @param plan its plan
 * @param today its local day now
 * @param sentToday messages it sent on that day (from email.events)
 * @param history its decisions, oldest first (empty in lists)
 */
public record SenderStatus(
    SenderWarmup sender, Plan plan, LocalDate today, long sentToday, List<CapChange> history) {}
