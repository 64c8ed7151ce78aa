"""The format as data: the 2021 and 2019 formats, the registry, template migrations, section texts, levels."""
