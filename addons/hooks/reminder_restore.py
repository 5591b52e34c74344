"""Re-schedule reminders after a restart.

Rasa keeps `ReminderScheduled` events in the tracker store but schedules them only in memory, so
a restart forgets them. Once the server has started, this start-up hook reads every conversation
and schedules again each reminder that was neither cancelled nor fired. One fired while the
server was down is sent right away. It reads all conversations at start-up: fine for one SQLite
file, worth a look for millions of conversations. With several replicas on one tracker store,
only one should restore (else each sends the same reminders): RESTORE_REMINDERS=false turns it
off.
"""

import logging
import os
from datetime import datetime, timedelta
from typing import Any, Dict, List, Text

from rasa.core import jobs
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel
from rasa.shared.core.events import Event, ReminderCancelled, ReminderScheduled, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)


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


async def restore_reminders(agent: Any, input_channels: List[InputChannel]) -> int:
    """Schedule again every pending reminder in the tracker store; returns how many."""
    store, processor = agent.tracker_store, agent.processor
    soon = datetime.now() + timedelta(seconds=2)
    restored = 0
    for sender_id in await store.keys():
        tracker = await store.retrieve_full_tracker(sender_id)
        if tracker is None:
            continue
        reminders = pending_reminders(list(tracker.events), sender_id)
        if not reminders:
            continue
        output = _output_channel(tracker, input_channels)
        for reminder in reminders:
            # A past run date would be dropped by the scheduler as a misfire.
            reminder.trigger_date_time = max(reminder.trigger_date_time, soon)
        await processor._schedule_reminders(reminders, tracker, output)
        scheduler = await jobs.scheduler()
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
