"""The asyncio client: calls in flight at once, streams, typed errors, cancellation, and a subscription
that survives the daemon killed and restarted."""

from __future__ import annotations

import asyncio

import pytest

import chronograph
from conftest import event_record
from test_subscribe import WINDOW, day, expected_ids


def run(coroutine, timeout: float = 120.0):
    return asyncio.run(asyncio.wait_for(coroutine, timeout))


def test_many_async_calls_in_flight_and_typed_errors(shared_daemon, schemas):
    async def scenario():
        async with await chronograph.AsyncClient.connect("127.0.0.1", shared_daemon.port) as client:
            ids = ["azerbaijan", "germany", "state-migration-service", "baku"] * 25  # 100 > 63 slots
            results = await asyncio.gather(*(client.entity(entity_id) for entity_id in ids))
            assert [r["entity"]["id"] for r in results] == ids
            schemas(results[0], "entity_get.result.schema.json")
            health, stats = await asyncio.gather(client.health(), client.stats())
            assert health["status"] == "SERVING" and stats["counts"]["events"] > 0
            stream = await client.timeline_stream(from_="2013", to="2013", mode="within")
            titles = [data["event"]["title"] async for data in stream]
            assert titles and stream.terminal["result"]["count"] == len(titles)
            with pytest.raises(chronograph.NotFound):
                await client.entity("Atlantis")
            with pytest.raises(chronograph.InvalidArgument) as error:
                await client.timeline(limit="ten")
            assert error.value.field == "params.limit"
            with pytest.raises(chronograph.DeadlineExceeded):
                async for _ in await client.stream("Timeline/Stream", deadline_ms=1):
                    pass
            running = await client.stream("Timeline/Stream")
            assert await running.cancel() is True
            with pytest.raises(chronograph.Cancelled):
                async for _ in running:
                    pass
            async with await client.stream("Timeline/Stream") as early:
                await early.__anext__()
            assert early.inbox.abandoned
            assert (await client.health())["status"] == "SERVING"

    run(scenario())


def test_async_subscription_survives_kill_and_restart(daemon):
    ids = expected_ids(40, "py-async")

    async def write_all(port):
        client = None
        for index, event_id in enumerate(ids):
            while True:
                try:
                    if client is None:
                        client = await chronograph.AsyncClient.connect("127.0.0.1", port, timeout=2)
                    await client.write(upserts=[event_record(event_id, day(index))], deadline_ms=10_000)
                    break
                except chronograph.Unavailable:
                    if client is not None:
                        await client.close()
                    client = None
                    await asyncio.sleep(0.1)
            await asyncio.sleep(0.02)
        await client.close()

    async def scenario():
        client = await chronograph.AsyncClient.connect("127.0.0.1", daemon.port)
        subscription = client.subscribe(WINDOW, backoff_max=0.5, reconnect_timeout=60)
        seen, revisions = [], []
        writer = None
        killed = False
        async for update in subscription:
            revisions.append(update.revision)
            if update.kind == "initial":
                writer = asyncio.create_task(write_all(daemon.port))
            seen += [i["id"] for i in update.added if i["id"].startswith("py-async")]
            if len(seen) >= 10 and not killed:
                killed = True
                port = daemon.port
                await asyncio.to_thread(daemon.kill)
                await asyncio.sleep(0.3)
                await asyncio.to_thread(daemon.start, port)
            if len(seen) >= len(ids):
                break
        await subscription.close()
        await writer
        await client.close()
        assert seen == ids
        assert revisions == sorted(set(revisions))
        assert subscription.reconnects >= 1

    run(scenario())
