-- A service's own first migration (PlatformMigrationsTest).
create table job_posting (id uuid primary key, title text not null);
