import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarWarning, calendarWarnings, HolidayYearFile, isPublishedYearFile, WorkingCalendar } from '@app/domain';
import { CalendarYearEntity } from '../persistence/entities';
import { readBundledCalendars } from './bundled-calendars';
import { COUNTING_POLICY } from './clock-policy';

/** Other processes see a newly loaded year within this time (the loading process at once). */
const REFRESH_INTERVAL_MS = 10_000;

export interface CalendarYearStatus {
  year: number;
  published: boolean;
  source: 'bundled' | 'loaded';
  loadedAt: string | null;
  loadedBy: string | null;
}

/**
 * The working-day calendar in force: the shipped years overridden by years loaded at runtime.
 * Every process keeps one in memory and notices a change by a cheap version query.
 */
@Injectable()
export class CalendarService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CalendarService');
  private readonly bundled = readBundledCalendars();
  private calendar = WorkingCalendar.fromYearFiles(this.bundled);
  private loaded = new Map<number, CalendarYearEntity>();
  private version = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: Error) => this.logger.warn(`calendar refresh failed: ${error.message}`));
    }, REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  current(): WorkingCalendar {
    return this.calendar;
  }

  /** Reloads when a year was loaded since the last look (here or by another process). */
  async refresh(): Promise<void> {
    const [row] = await this.dataSource.query<{ version: string }[]>(
      `SELECT count(*) || ':' || coalesce(max(loaded_at)::text, '') AS version FROM calendar_years`,
    );
    if (row.version === this.version) return;
    const rows = await this.dataSource.getRepository(CalendarYearEntity).find();
    const files = new Map<number, HolidayYearFile>(this.bundled.map((file) => [file.year, file]));
    for (const entry of rows) files.set(entry.year, entry.file);
    this.calendar = WorkingCalendar.fromYearFiles([...files.values()]);
    this.loaded = new Map(rows.map((entry) => [entry.year, entry]));
    this.version = row.version;
  }

  /** Stores a year (inside the caller's transaction, so the audit entry and the year land together). */
  async store(manager: EntityManager, file: HolidayYearFile, loadedBy: string, now: Date): Promise<void> {
    await manager.getRepository(CalendarYearEntity).upsert(
      { year: file.year, file, published: isPublishedYearFile(file), loadedAt: now, loadedBy },
      ['year'],
    );
  }

  yearFile(year: number): HolidayYearFile | undefined {
    return this.calendar.yearFile(year);
  }

  status(year: number): CalendarYearStatus {
    const entry = this.loaded.get(year);
    return {
      year,
      published: this.calendar.isPublishedYear(year),
      source: entry ? 'loaded' : 'bundled',
      loadedAt: entry ? entry.loadedAt.toISOString() : null,
      loadedBy: entry ? entry.loadedBy : null,
    };
  }

  knownYears(): number[] {
    const years = new Set<number>([...this.bundled.map((f) => f.year), ...this.loaded.keys()]);
    return [...years].sort((a, b) => a - b);
  }

  /** What the operator must load before it bends clocks (see calendarWarnings). */
  warnings(now: Date): CalendarWarning[] {
    return calendarWarnings(this.calendar, now, COUNTING_POLICY);
  }
}
