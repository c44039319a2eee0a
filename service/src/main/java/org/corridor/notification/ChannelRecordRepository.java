package org.corridor.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelRecordRepository extends JpaRepository<ChannelRecord, String> {

    @Query("select c from ChannelRecord c where c.notificationId in :notificationIds order by c.sentAt, c.id")
    List<ChannelRecord> findByNotificationIds(Collection<String> notificationIds);

    @Query("""
            select count(c) > 0 from ChannelRecord c
            where c.notificationId = :notificationId and c.channel = :channel and c.detail = :detail""")
    boolean recorded(String notificationId, NotificationChannel channel, String detail);

}
