"""Re-schedule reminders after a restart, and keep every replica's reminders in step.

Rasa keeps `ReminderScheduled` events in the tracker store but schedules them only in memory, so
a restart forgets them. Once the server has started, this start-up hook reads the conversations
that have reminders and schedules again each reminder that was neither cancelled nor fired. One
fired while the server was down is sent right away. RESTORE_REMINDERS=false turns it off.

With several replicas on one tracker store, `REMINDER_SYNC_SECONDS` (30 in the scale profile;
0, the default, reads them at start-up only) makes every replica read, that often, the
conversations that got a reminder since its previous read (through an index on the events'
type and time), so each replica has every pending reminder scheduled: when the replica that took
the message dies, the others still deliver it, within that many seconds of its time. The
reminder fires on every replica, and addons/patches/reminder_once.py lets only the first
deliver it.
"""

import logging
import os
import time
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Text

import sqlalchemy as sa
from rasa.core import jobs
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import Event, ReminderCancelled, ReminderScheduled, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.hooks.tracker_store_check import primary_store

logger = logging.getLogger(__name__)

SYNC_JOB_ID = "reminder-sync"
SYNC_INDEX = "events_type_name_timestamp"
# Events carry their replica's clock: each sync also reads back this far before the previous one.
CLOCK_SKEW_SECONDS = 60.0


def pending_reminders(events: List[Event], sender_id: Text) -> List[ReminderScheduled]:
    """Reminders scheduled in these events and neither cancelled nor fired since."""
    pending: Dict[Text, ReminderScheduled] = {}
    for event in events:
        if isinstance(event, ReminderScheduled):
            pending[event.name] = event
        elif isinstance(event, ReminderCancelled):
            pending = {
                name: reminder
                for name, reminder in pending.items()
                if not event.cancels_job_with_name(
                    reminder.scheduled_job_name(sender_id), sender_id
                )
            }
        elif isinstance(event, UserUttered) and event.intent_name:
            # A reminder that fired left its intent in the conversation.
            pending = {n: r for n, r in pending.items() if r.intent != event.intent_name}
    return list(pending.values())


def latest_metadata(tracker: DialogueStateTracker, channel_name: Text) -> Dict[Text, Any]:
    """The metadata of the latest message that came in on this channel (reminders have none)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered) and event.input_channel == channel_name:
            if event.metadata:
                return event.metadata
    return {}


def _output_channel(
    tracker: DialogueStateTracker, input_channels: List[InputChannel]
) -> OutputChannel:
    """The channel the conversation was answered on. Channels that answer each conversation
    somewhere of its own (our Slack channel: the buyer's direct messages) find it from the
    stored message metadata through `output_channel_for`."""
    channel_name = tracker.get_latest_input_channel()
    for channel in input_channels:
        if channel.name() != channel_name:
            continue
        metadata = latest_metadata(tracker, channel_name)
        if metadata and hasattr(channel, "output_channel_for"):
            return channel.output_channel_for(metadata)
        output = channel.get_output_channel()
        if output is not None:
            return output
    return CollectingOutputChannel()


async def conversations_with_reminders(
    store: TrackerStore, since: Optional[float] = None
) -> List[Text]:
    """The senders whose conversations got a reminder (since that time, when given); all
    conversations if the store can't say."""
    engine = getattr(primary_store(store), "engine", None)
    if engine is None:
        return list(await store.keys())
    query = "SELECT DISTINCT sender_id FROM events WHERE type_name = :reminder"
    if since is not None:
        query += " AND timestamp >= :since"
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(query), {"reminder": ReminderScheduled.type_name, "since": since}
        )
        return [sender_id for (sender_id,) in rows]


def add_sync_index(store: TrackerStore) -> None:
    """The index the sync's query reads instead of the whole events table."""
    engine = getattr(primary_store(store), "engine", None)
    if engine is not None:
        with engine.begin() as connection:
            connection.execute(
                sa.text(f"CREATE INDEX IF NOT EXISTS {SYNC_INDEX} ON events (type_name, timestamp)")
            )


class ReminderSync:
    """Schedules the reminders stored since the previous run (by any replica). A reminder
    scheduled here already, then fired or cancelled on another replica, is left to fire here
    too: reminder_once finds it done."""

    def __init__(self, agent: Any, input_channels: List[InputChannel]) -> None:
        self.agent, self.input_channels = agent, input_channels
        self.since = time.time() - CLOCK_SKEW_SECONDS

    async def run(self) -> None:
        started = time.time()
        await restore_reminders(self.agent, self.input_channels, self.since)
        self.since = started - CLOCK_SKEW_SECONDS


async def restore_reminders(
    agent: Any, input_channels: List[InputChannel], since: Optional[float] = None
) -> int:
    """Schedule every pending reminder in the tracker store (of the conversations that got one
    since that time, when given) not scheduled here yet; returns how many."""
    store, processor = agent.tracker_store, agent.processor
    scheduler = await jobs.scheduler()
    soon = datetime.now() + timedelta(seconds=2)
    restored = 0
    for sender_id in await conversations_with_reminders(store, since):
        tracker = await store.retrieve_full_tracker(sender_id)
        if tracker is None:
            continue
        reminders = [  # those this server has scheduled already stay as they are
            reminder
            for reminder in pending_reminders(list(tracker.events), sender_id)
            if scheduler.get_job(reminder.name) is None
        ]
        if not reminders:
            continue
        output = _output_channel(tracker, input_channels)
        for reminder in reminders:
            # A past run date would be dropped by the scheduler as a misfire.
            reminder.trigger_date_time = max(reminder.trigger_date_time, soon)
        await processor._schedule_reminders(reminders, tracker, output)
        for reminder in reminders:
            # Reminders overdue after a long restart fall due together, and handling one can
            # outlast APScheduler's 1 s misfire grace for the next, which would then be dropped.
            scheduler.modify_job(reminder.name, misfire_grace_time=None)
        restored += len(reminders)
    return restored


async def on_start(agent: Any, input_channels: List[InputChannel]) -> None:
    if os.environ.get("RESTORE_REMINDERS", "true").lower() in ("false", "0", "no"):
        logger.info("RESTORE_REMINDERS is off: stored reminders were not scheduled again.")
        return
    if agent.processor is None:
        logger.warning("No model loaded: reminders were not restored.")
        return
    count = await restore_reminders(agent, input_channels)
    logger.info(f"Restored {count} pending reminder(s).")
    every = float(os.environ.get("REMINDER_SYNC_SECONDS") or 0)
    if every > 0:
        add_sync_index(agent.tracker_store)
        scheduler = await jobs.scheduler()
        scheduler.add_job(
            ReminderSync(agent, input_channels).run,  # a coroutine function, for APScheduler
            "interval",
            seconds=every,
            id=SYNC_JOB_ID,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
        )
        logger.info(f"Reminders are read from the tracker store again every {every:g} s.")
