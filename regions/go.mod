module github.com/ossregions/ossregions/regions

go 1.23
